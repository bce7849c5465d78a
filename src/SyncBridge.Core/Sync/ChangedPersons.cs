namespace SyncBridge.Core.Sync;

/// <summary>
/// Persons whose records changed, in the order they changed, and <see cref="LastSequence"/>: the change sequence up to
/// which every change is covered (the argument to pass to the next <see cref="IContactStore.ListChangedPersonsAsync"/>;
/// unchanged when nothing changed).
/// </summary>
public sealed record ChangedPersons(IReadOnlyList<string> PersonIds, long LastSequence);
