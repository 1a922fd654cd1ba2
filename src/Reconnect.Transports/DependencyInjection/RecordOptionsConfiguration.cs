namespace Reconnect;

/// <summary>One registered step that derives new options from the previous ones (the options are immutable records).</summary>
internal sealed record RecordOptionsConfiguration<TOptions>(Func<TOptions, TOptions> Configure);
