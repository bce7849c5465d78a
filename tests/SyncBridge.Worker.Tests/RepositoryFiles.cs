namespace SyncBridge.Worker.Tests;

/// <summary>Files of the repository the tests run from (found by walking up to SyncBridge.sln).</summary>
internal static class RepositoryFiles
{
    public static string Path(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SyncBridge.sln")))
            {
                return System.IO.Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new FileNotFoundException("SyncBridge.sln not found above the test binaries " + AppContext.BaseDirectory);
    }
}
