namespace SyncBridge.Worker.Planning;

/// <summary>A plan file that cannot be read or is not a plan; the message names the file and what is wrong.</summary>
internal sealed class PlanFileException : Exception
{
    public PlanFileException()
    {
    }

    public PlanFileException(string message)
        : base(message)
    {
    }

    public PlanFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlanFileException(string path, string problem, Exception? innerException = null)
        : base($"the plan file '{path}' is not a usable plan: {problem}", innerException)
    {
        Path = path;
    }

    public string Path { get; } = string.Empty;
}
