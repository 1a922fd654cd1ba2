namespace Reconnect.Testing.World;

/// <summary>How a token provider spends its injected faults: the one rule of the simulated provider and of a virtual call's.</summary>
internal static class TokenFaultRules
{
    /// <summary>True when this fetch hangs: one of the counted hangs (spent), or any fetch while a hang window is open.</summary>
    public static bool TakeHang(this ITokenFaults faults)
    {
        if (faults.HangsToInject > 0)
        {
            faults.HangsToInject--;
            return true;
        }

        return faults.HangWindows > 0;
    }

    /// <summary>What this fetch answers: an injected failure first, then an injected expired token (each spent), else a fresh token.</summary>
    public static TokenAnswer TakeAnswer(this ITokenFaults faults)
    {
        if (faults.FailuresToInject > 0)
        {
            faults.FailuresToInject--;
            return TokenAnswer.Failure;
        }

        if (faults.ExpiredToInject > 0)
        {
            faults.ExpiredToInject--;
            return TokenAnswer.Expired;
        }

        return TokenAnswer.Fresh;
    }

    /// <summary>Stops every injected failure, hang and expired token.</summary>
    public static void Reset(this ITokenFaults faults)
    {
        faults.FailuresToInject = 0;
        faults.HangsToInject = 0;
        faults.HangWindows = 0;
        faults.ExpiredToInject = 0;
    }
}
