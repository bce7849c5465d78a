using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>A person's decision and the CRM records it should reach (the person's source records in systems SyncBridge writes to).</summary>
public sealed record DecidedPerson(PersonDecision Decision, IReadOnlyList<SourceRef> Targets);
