namespace Reconnect.Testing.Scenarios;

/// <summary>A data channel a peer declares: its engine opens it on every media connection to every remote peer.</summary>
public sealed record DataChannelSpec
{
    /// <summary>The channel's label, unique within its peer (such as <c>chat</c>).</summary>
    public required string Label { get; init; }

    /// <summary>True (default) to deliver in the order sent; the data-order invariant checks order only on ordered channels.</summary>
    public bool Ordered { get; init; } = true;

    /// <summary>The declared channel the engine opens.</summary>
    public DeclaredDataChannel ToDeclared() => new(Label, Ordered ? null : new DataChannelInit { Ordered = false });
}
