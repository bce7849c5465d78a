namespace SyncBridge.Worker.Planning;

/// <summary>Asks on the terminal: the question on <paramref name="output"/>, the answer from stdin; only y or yes approves.</summary>
internal sealed class ConsoleApprovalPrompt(TextWriter output) : IApprovalPrompt
{
    public bool IsInteractive => !Console.IsInputRedirected;

    public bool Confirm(string question)
    {
        output.Write(question + " ");
        output.Flush();
        var answer = Console.In.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
