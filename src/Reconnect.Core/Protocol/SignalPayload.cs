using System.Text.Json.Serialization;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Protocol;

/// <summary>
/// What two peers exchange through the server to build a media connection. Every payload is stamped with
/// the generation of the media connection it belongs to, so a stale one is dropped by rule.
/// </summary>
/// <param name="Generation">The media connection's generation.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(OfferSignal), "offer")]
[JsonDerivedType(typeof(AnswerSignal), "answer")]
[JsonDerivedType(typeof(CandidateSignal), "candidate")]
public abstract record SignalPayload(int Generation);

/// <summary>An offer (initial, renegotiation or ICE restart).</summary>
/// <param name="Generation">The media connection's generation.</param>
/// <param name="Sdp">The offer's text.</param>
/// <param name="IceRestart">True when the offer restarts ICE.</param>
public sealed record OfferSignal(int Generation, string Sdp, bool IceRestart) : SignalPayload(Generation);

/// <summary>An answer to an offer.</summary>
/// <param name="Generation">The media connection's generation.</param>
/// <param name="Sdp">The answer's text.</param>
public sealed record AnswerSignal(int Generation, string Sdp) : SignalPayload(Generation);

/// <summary>A trickled ICE candidate.</summary>
/// <param name="Generation">The media connection's generation.</param>
/// <param name="Candidate">The candidate.</param>
public sealed record CandidateSignal(int Generation, IceCandidate Candidate) : SignalPayload(Generation);
