using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Tests.Support;

/// <summary>What a poll job does with a source: read from the saved cursor, save each page's cursor after it.</summary>
internal static class SourcePoller
{
    public static async Task<List<ContactPage>> PollAsync(IContactSource source, IStateStore state, Action<int>? afterPage = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var since = await state.GetCursorAsync(source.Name, cancellationToken);
        var pages = new List<ContactPage>();
        await foreach (var page in source.ReadChangesAsync(since, cancellationToken))
        {
            pages.Add(page);
            await state.SaveCursorAsync(source.Name, page.Cursor, cancellationToken);
            afterPage?.Invoke(pages.Count);
        }

        return pages;
    }
}
