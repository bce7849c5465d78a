namespace SyncBridge.Core.Identity;

/// <summary>What an identity key is made of. The value is stored in the state store, so do not renumber.</summary>
public enum IdentityKeyKind
{
    /// <summary>The email match key of a valid address (<see cref="Contacts.EmailAddress.MatchKey"/>).</summary>
    Email = 1,

    /// <summary>A source record: <c>lower(source) + ":" + source_id</c> for files, <see cref="Contacts.SourceRef"/> text otherwise.</summary>
    Source = 2,

    /// <summary>A valid E.164 phone or mobile with the lower-cased names: <c>e164|family|given</c>.</summary>
    PhoneName = 3,
}
