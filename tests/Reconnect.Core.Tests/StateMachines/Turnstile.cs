using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

/// <summary>The turnstile's states.</summary>
internal enum TurnstileState
{
    Locked,
    Unlocked,
    Alarm,
    Broken,
}

/// <summary>What happens to the turnstile.</summary>
internal enum TurnstileTrigger
{
    Coin,
    Push,
    Kick,
    Reset,
}

/// <summary>What the turnstile does.</summary>
internal enum TurnstileEffect
{
    EngageBar,
    ReleaseBar,
    GreenLight,
    RedLight,
    SoundAlarm,
    SilenceAlarm,
    CountFare,
    RefundCoin,
    Buzz,
    LogKick,
}

/// <summary>What the turnstile's guards read.</summary>
internal readonly record struct TurnstileContext(bool Counterfeit, bool ExactFare);

/// <summary>A small machine that exercises every feature of the declaration helper: exclusive guards, an ignore beside guarded rows, entry and exit effects, re-entry, internal rows and a terminal state.</summary>
internal static class Turnstile
{
    public static MachineTable<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext> Table { get; } = Build();

    private static MachineTable<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext> Build()
    {
        var b = new MachineTableBuilder<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext>("Turnstile", TurnstileState.Locked);

        b.In(TurnstileState.Locked)
            .Stable("waits for a coin")
            .OnEnter(TurnstileEffect.EngageBar)
            .OnExit(TurnstileEffect.ReleaseBar)
            .On(TurnstileTrigger.Coin).If(c => c.Counterfeit, "counterfeit").GoTo(TurnstileState.Alarm)
            .On(TurnstileTrigger.Coin).If(c => !c.Counterfeit && c.ExactFare, "exact fare").GoTo(TurnstileState.Unlocked, TurnstileEffect.CountFare)
            .On(TurnstileTrigger.Coin).If(c => !c.Counterfeit && !c.ExactFare, "overpaid")
                .GoTo(TurnstileState.Unlocked, TurnstileEffect.CountFare, TurnstileEffect.RefundCoin)
            .On(TurnstileTrigger.Push).Stay(TurnstileEffect.Buzz)
            .On(TurnstileTrigger.Kick).GoTo(TurnstileState.Alarm);

        b.In(TurnstileState.Unlocked)
            .Deadline("relocks after one pass")
            .OnEnter(TurnstileEffect.GreenLight)
            .OnExit(TurnstileEffect.RedLight)
            .On(TurnstileTrigger.Coin).If(c => c.Counterfeit, "counterfeit").GoTo(TurnstileState.Alarm)
            .Ignore(TurnstileTrigger.Coin, "already paid")
            .On(TurnstileTrigger.Push).GoTo(TurnstileState.Locked);

        b.In(TurnstileState.Alarm)
            .Deadline("a guard resets it: within a minute")
            .OnEnter(TurnstileEffect.SoundAlarm)
            .OnExit(TurnstileEffect.SilenceAlarm)
            .On(TurnstileTrigger.Reset).GoTo(TurnstileState.Locked)
            .On(TurnstileTrigger.Kick).If(c => c.Counterfeit, "with a fake coin").GoTo(TurnstileState.Broken)
            .On(TurnstileTrigger.Kick).If(c => !c.Counterfeit, "with a genuine coin").GoTo(TurnstileState.Alarm, TurnstileEffect.LogKick);

        b.In(TurnstileState.Broken)
            .Terminal("waits for the scrapyard")
            .Ignore(TurnstileTrigger.Kick, "already broken");

        return b.Build();
    }
}
