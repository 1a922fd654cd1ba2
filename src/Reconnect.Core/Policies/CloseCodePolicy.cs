namespace Reconnect.Core.Policies;

/// <summary>What the socket does after a close with a given code.</summary>
public enum CloseDisposition
{
    /// <summary>Retry with backoff.</summary>
    Retry,

    /// <summary>Retry with backoff; the token provider must hand out a fresh token.</summary>
    RetryWithFreshToken,

    /// <summary>Retry, but no sooner than the capacity floor.</summary>
    RetryAfterCapacityFloor,

    /// <summary>Do not retry: surface a typed error once.</summary>
    Terminal,
}

/// <summary>A close code's meaning.</summary>
/// <param name="Code">The numeric code.</param>
/// <param name="Name">Its name, such as <c>invalid_token</c>, or <c>unknown</c>.</param>
/// <param name="Disposition">What to do about it.</param>
public sealed record CloseClassification(int Code, string Name, CloseDisposition Disposition)
{
    /// <summary>True when the close ends the socket for good.</summary>
    public bool IsTerminal => Disposition == CloseDisposition.Terminal;

    /// <summary>
    /// True when the server host refused the connection: its own answer that the session cannot be resumed on that
    /// process right now, so the resume window's cap on the backoff does not apply to the retry after it.
    /// </summary>
    public bool IsRefusal => Code == CloseCodes.ConnectionRefused;
}

/// <summary>Classifies close codes: terminal codes are never retried; graceful, abnormal and unknown codes are.</summary>
public static class CloseCodePolicy
{
    /// <summary>Classifies a close code.</summary>
    public static CloseClassification Classify(int code) => code switch
    {
        CloseCodes.Normal => new(code, "normal", CloseDisposition.Retry),
        CloseCodes.GoingAway => new(code, "going_away", CloseDisposition.Retry),
        CloseCodes.InvalidPayload => new(code, "invalid_payload", CloseDisposition.Terminal),
        CloseCodes.Abnormal => new(code, "abnormal", CloseDisposition.Retry),
        CloseCodes.ServiceRestart => new(code, "service_restart", CloseDisposition.Retry),
        CloseCodes.InvalidToken => new(code, "invalid_token", CloseDisposition.Terminal),
        CloseCodes.TokenExpired => new(code, "token_expired", CloseDisposition.RetryWithFreshToken),
        CloseCodes.ChannelNotAuthorized => new(code, "channel_not_authorized", CloseDisposition.Terminal),
        CloseCodes.AccountSuspended => new(code, "account_suspended", CloseDisposition.Terminal),
        CloseCodes.AdminDisconnect => new(code, "admin_disconnect", CloseDisposition.Terminal),
        CloseCodes.OverCapacity => new(code, "over_capacity", CloseDisposition.RetryAfterCapacityFloor),
        CloseCodes.FrameTooLarge => new(code, "frame_too_large", CloseDisposition.Terminal),
        CloseCodes.RateLimited => new(code, "rate_limited", CloseDisposition.RetryAfterCapacityFloor),
        CloseCodes.JoinTimeout => new(code, "join_timeout", CloseDisposition.Retry),
        CloseCodes.ProtocolViolation => new(code, "protocol_violation", CloseDisposition.Terminal),
        CloseCodes.SlowConsumer => new(code, "slow_consumer", CloseDisposition.Retry),
        CloseCodes.LivenessTimeout => new(code, "liveness_timeout", CloseDisposition.Retry),
        CloseCodes.WelcomeTimeout => new(code, "welcome_timeout", CloseDisposition.Retry),
        CloseCodes.ConnectionRefused => new(code, "connection_refused", CloseDisposition.Retry),
        CloseCodes.SendQueueOverflow => new(code, "send_queue_overflow", CloseDisposition.Retry),
        CloseCodes.RosterTimeout => new(code, "roster_timeout", CloseDisposition.Retry),
        _ => new(code, "unknown", CloseDisposition.Retry),
    };
}
