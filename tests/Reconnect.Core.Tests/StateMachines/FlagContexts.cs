namespace Reconnect.Core.Tests.StateMachines;

/// <summary>The contexts a machine's guards read are a handful of flags, so every one of them can be tried.</summary>
internal static class FlagContexts
{
    /// <summary>Every value of a context made of flags: each combination of its constructor's boolean parameters.</summary>
    public static List<TContext> Every<TContext>()
    {
        var constructor = typeof(TContext).GetConstructors().Single(c => c.GetParameters().Length > 0);
        var parameters = constructor.GetParameters();
        Assert.All(parameters, p => Assert.Equal(typeof(bool), p.ParameterType));
        return [.. Enumerable.Range(0, 1 << parameters.Length)
            .Select(bits => (TContext)constructor.Invoke([.. parameters.Select((_, i) => (object)((bits >> i & 1) == 1))]))];
    }
}
