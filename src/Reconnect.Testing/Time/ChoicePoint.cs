namespace Reconnect.Testing.Time;

/// <summary>One decision among items due at the same instant: the index chosen and how many were offered.</summary>
public readonly record struct ChoicePoint(int Chosen, int Offered);
