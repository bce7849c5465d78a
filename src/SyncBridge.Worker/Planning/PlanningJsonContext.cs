using System.Text.Json.Serialization;

namespace SyncBridge.Worker.Planning;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(PlanFileDocument))]
[JsonSerializable(typeof(LivePlanDocument))]
internal sealed partial class PlanningJsonContext : JsonSerializerContext;
