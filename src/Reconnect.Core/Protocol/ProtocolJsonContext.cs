using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconnect.Core.Protocol;

/// <summary>
/// The protocol's JSON contracts, generated at build time: the codec needs no reflection, so it also runs where
/// reflection-based serialization is off (a trimmed WebAssembly app).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    AllowOutOfOrderMetadataProperties = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ClientMessage))]
[JsonSerializable(typeof(ServerMessage))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
