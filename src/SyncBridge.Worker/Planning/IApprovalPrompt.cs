namespace SyncBridge.Worker.Planning;

/// <summary>How <c>apply</c> asks the operator before it writes (tests pass a fake).</summary>
internal interface IApprovalPrompt
{
    /// <summary>Whether someone can answer (stdin is a terminal).</summary>
    bool IsInteractive { get; }

    /// <summary>Asks <paramref name="question"/>; true only for an explicit yes.</summary>
    bool Confirm(string question);
}
