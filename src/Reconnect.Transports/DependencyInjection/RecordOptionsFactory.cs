using Microsoft.Extensions.Options;

namespace Reconnect;

/// <summary>
/// Builds immutable record options for the options pattern: the defaults, then every registered configuration in
/// order, then every registered validator; failures throw together.
/// </summary>
internal sealed class RecordOptionsFactory<TOptions>(
    IEnumerable<RecordOptionsConfiguration<TOptions>> configurations,
    IEnumerable<IValidateOptions<TOptions>> validators) : IOptionsFactory<TOptions>
    where TOptions : class, new()
{
    public TOptions Create(string name)
    {
        var options = configurations.Aggregate(
            new TOptions(),
            (current, step) => step.Configure(current) ?? throw new InvalidOperationException($"A {typeof(TOptions).Name} configuration returned null."));
        var failures = validators
            .Select(v => v.Validate(name, options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [])
            .ToList();
        return failures.Count == 0 ? options : throw new OptionsValidationException(name, typeof(TOptions), failures);
    }
}
