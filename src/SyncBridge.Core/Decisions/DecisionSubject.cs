using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>One person to decide: its stable person id and its merged contact.</summary>
public readonly record struct DecisionSubject(string PersonId, CanonicalContact Contact);
