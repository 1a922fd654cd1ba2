using Microsoft.Extensions.Options;
using Reconnect.Core.Options;

namespace Reconnect.Transports.DependencyInjection;

/// <summary>
/// Builds <see cref="ReconnectOptions"/> for the options pattern: the defaults, then every registered
/// configuration in order, then every registered validator; failures throw together.
/// </summary>
internal sealed class ReconnectOptionsFactory(
    IEnumerable<ReconnectOptionsConfiguration> configurations,
    IEnumerable<IValidateOptions<ReconnectOptions>> validators) : IOptionsFactory<ReconnectOptions>
{
    public ReconnectOptions Create(string name)
    {
        var options = configurations.Aggregate(
            new ReconnectOptions(),
            (current, step) => step.Configure(current) ?? throw new InvalidOperationException("A Reconnect options configuration returned null."));
        var failures = validators
            .Select(v => v.Validate(name, options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [])
            .ToList();
        return failures.Count == 0 ? options : throw new OptionsValidationException(name, typeof(ReconnectOptions), failures);
    }
}
