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
/// <param name="OfferSequence">
/// The offer's number within its generation, increasing from 1 with each offer the sender sends; 0 when the
/// sender does not number its offers.
/// </param>
/// <param name="OnlyAnswered">
/// True when the sender has answered an offer on this generation and had none of its own answered yet: a browser
/// connection in that state loses its remote video for good if it rolls this offer back, so in glare the impolite side
/// yields to it and the polite sender keeps it. False (absent) otherwise.
/// </param>
public sealed record OfferSignal(int Generation, string Sdp, bool IceRestart, int OfferSequence = 0, bool OnlyAnswered = false) : SignalPayload(Generation);

/// <summary>An answer to an offer.</summary>
/// <param name="Generation">The media connection's generation.</param>
/// <param name="Sdp">The answer's text.</param>
/// <param name="OfferSequence">
/// The <see cref="OfferSignal.OfferSequence"/> of the offer this answers; the offering side applies it only to
/// that offer. 0 when the offer was unnumbered: the answer then applies to whatever offer is pending.
/// </param>
public sealed record AnswerSignal(int Generation, string Sdp, int OfferSequence = 0) : SignalPayload(Generation);

/// <summary>A trickled ICE candidate.</summary>
/// <param name="Generation">The media connection's generation.</param>
/// <param name="Candidate">The candidate.</param>
public sealed record CandidateSignal(int Generation, IceCandidate Candidate) : SignalPayload(Generation);
