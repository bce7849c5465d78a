using System.Collections.Concurrent;
using System.Globalization;
using SyncBridge.Simulators.Salesforce.Soql;

namespace SyncBridge.Simulators.Salesforce;

/// <summary>
/// The simulated org's data and sessions. Every read and write of records happens under one lock, so the
/// simulator is safe to call from many requests at once.
/// </summary>
internal sealed class SalesforceSimulatorStore(SalesforceSimulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SimRecord>> _byType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<SimRecord>> _children = new(StringComparer.Ordinal);
    private readonly List<(string Type, string Id, DateTimeOffset DeletedAt)> _deletedLog = [];
    private readonly ConcurrentDictionary<string, QueryLocator> _locators = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Code, string Message)> _failNextWrite = new(StringComparer.Ordinal);
    private long _nextNumber = 1;
    private long _nextLocator = 1;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;
    private DateTimeOffset _deletedPurgedBefore = DateTimeOffset.MinValue;

    public SalesforceSimulatorOptions Options { get; } = options;

    /// <summary>Every write applied through sObject Collections, per record (appended under <see cref="Gate"/>).</summary>
    public SimulatorWriteLog WriteLog { get; } = new(options.TimeProvider);

    public Lock Gate => _gate;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    // ---- records ----

    /// <summary>Adds a record (caller holds no lock). Returns its id.</summary>
    public string Add(string type, IReadOnlyDictionary<string, object?> fields, DateTimeOffset? stamp = null)
    {
        lock (_gate)
        {
            return AddLocked(type, fields, stamp);
        }
    }

    public string AddLocked(string type, IReadOnlyDictionary<string, object?> fields, DateTimeOffset? stamp)
    {
        var id = SalesforceIds.Create(type, _nextNumber++);
        var record = new SimRecord(type, id);
        foreach (var (name, value) in fields)
        {
            record.Fields[name] = value;
        }

        record.IsDeleted = false;
        record.SystemModstamp = stamp ?? NextStampLocked();
        if (stamp is { } seeded && seeded > _lastStamp)
        {
            _lastStamp = seeded;
        }

        record.Fields.TryAdd("CreatedDate", record.SystemModstamp);
        _byId[id] = record;
        if (!_byType.TryGetValue(type, out var list))
        {
            list = [];
            _byType[type] = list;
        }

        list.Add(record);
        if (record.Fields.TryGetValue("ContactId", out var parent) && parent is string parentId)
        {
            if (!_children.TryGetValue(parentId, out var children))
            {
                children = [];
                _children[parentId] = children;
            }

            children.Add(record);
        }

        return id;
    }

    public SimRecord? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public SimRecord? FindLocked(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    public IReadOnlyList<SimRecord> ChildrenLocked(string parentId, string childType) =>
        _children.TryGetValue(parentId, out var children)
            ? children.Where(c => !c.IsDeleted && string.Equals(c.Type, childType, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];

    public List<string> Ids(string type, bool includeDeleted = false)
    {
        lock (_gate)
        {
            return _byType.TryGetValue(type, out var list)
                ? list.Where(r => includeDeleted || !r.IsDeleted).Select(r => r.Id).ToList()
                : [];
        }
    }

    public int Count(string type)
    {
        lock (_gate)
        {
            return _byType.TryGetValue(type, out var list) ? list.Count(r => !r.IsDeleted) : 0;
        }
    }

    public void Update(string id, IReadOnlyDictionary<string, object?> fields)
    {
        lock (_gate)
        {
            var record = _byId.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"no record {id}");
            foreach (var (name, value) in fields)
            {
                record.Fields[name] = value;
            }

            Touch(record);
        }
    }

    public void Delete(string id, string? masterId = null)
    {
        lock (_gate)
        {
            var record = _byId.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"no record {id}");
            record.IsDeleted = true;
            record.Fields["MasterRecordId"] = masterId;
            Touch(record);
            _deletedLog.Add((record.Type, id, record.SystemModstamp));
            if (masterId is not null && _byId.TryGetValue(masterId, out var master))
            {
                Touch(master);
            }
        }
    }

    public void PurgeDeletedLogBefore(DateTimeOffset before)
    {
        lock (_gate)
        {
            _deletedLog.RemoveAll(d => d.DeletedAt < before);
            _deletedPurgedBefore = before;
        }
    }

    public int DeletedCount()
    {
        lock (_gate)
        {
            return _deletedLog.Count;
        }
    }

    public void Touch(SimRecord record)
    {
        var stamp = NextStampLocked();
        record.SystemModstamp = stamp;
        record.Fields["LastModifiedDate"] = stamp;
    }

    private DateTimeOffset NextStampLocked()
    {
        var now = Now;
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Offset);
        var next = _lastStamp == DateTimeOffset.MinValue ? now : _lastStamp.AddMilliseconds(1);
        _lastStamp = now > next ? now : next;
        return _lastStamp;
    }

    // ---- queries ----

    /// <summary>Runs a query; the caller projects the first page. Throws <see cref="SoqlException"/> for bad statements.</summary>
    public QueryLocator Query(SoqlQuery query, bool includeDeleted)
    {
        var type = query.From;
        if (!SalesforceSchema.IsObject(type))
        {
            throw new SoqlException("INVALID_TYPE", $"sObject type '{type}' is not supported.");
        }

        type = SalesforceSchema.CanonicalObject(type);
        Validate(type, query);
        List<SimRecord> rows;
        lock (_gate)
        {
            IEnumerable<SimRecord> candidates = _byType.TryGetValue(type, out var list) ? list : [];
            if (!includeDeleted)
            {
                candidates = candidates.Where(r => !r.IsDeleted);
            }

            if (query.Where is { } where)
            {
                candidates = candidates.Where(r => where.Evaluate(field => Resolve(r, field)));
            }

            rows = candidates.ToList();
            if (query.OrderBy.Count > 0)
            {
                rows.Sort((a, b) => CompareRows(a, b, query.OrderBy));
            }

            if (query.Limit is { } limit && rows.Count > limit)
            {
                rows.RemoveRange(limit, rows.Count - limit);
            }
        }

        var locator = new QueryLocator(
            "01gSim" + Interlocked.Increment(ref _nextLocator).ToString("D10", CultureInfo.InvariantCulture),
            query,
            rows);
        _locators[locator.Id] = locator;
        return locator;
    }

    public QueryLocator? Locator(string id) => _locators.GetValueOrDefault(id);

    public void Forget(string id) => _locators.TryRemove(id, out _);

    /// <summary>A field value of <paramref name="record"/>, following one lookup relationship (Account.Name).</summary>
    public object? Resolve(SimRecord record, string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return record.Get(field);
        }

        var parent = FindLocked(record.Get(field[..dot] + "Id") as string);
        return parent?.Get(field[(dot + 1)..]);
    }

    private static void Validate(string type, SoqlQuery query)
    {
        foreach (var field in query.Fields.Concat(query.OrderBy.Select(o => o.Field)))
        {
            ValidateField(type, field);
        }

        foreach (var sub in query.Subqueries)
        {
            if (!SalesforceSchema.ChildRelationships.TryGetValue(sub.From, out var child))
            {
                throw new SoqlException("INVALID_TYPE", $"Didn't understand relationship '{sub.From}' in FROM part of query call.");
            }

            foreach (var field in sub.Fields)
            {
                ValidateField(child.Child, field);
            }
        }
    }

    private static void ValidateField(string type, string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var ok = dot < 0
            ? SalesforceSchema.HasField(type, field)
            : SalesforceSchema.RelationshipTarget(type, field[..dot]) is { } target && SalesforceSchema.HasField(target, field[(dot + 1)..]);
        if (!ok)
        {
            throw new SoqlException("INVALID_FIELD", $"No such column '{field}' on entity '{type}'.");
        }
    }

    private int CompareRows(SimRecord a, SimRecord b, IReadOnlyList<SoqlOrder> order)
    {
        foreach (var item in order)
        {
            var x = Resolve(a, item.Field);
            var y = Resolve(b, item.Field);
            var result = x is null ? (y is null ? 0 : -1) : y is null ? 1 : SoqlValues.Compare(x, y);
            if (result != 0)
            {
                return item.Descending ? -result : result;
            }
        }

        return 0;
    }

    // ---- deleted log ----

    public (List<(string Id, DateTimeOffset DeletedAt)> Records, DateTimeOffset EarliestAvailable) Deleted(string type, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            var retention = Now - Options.DeletedRetention;
            var earliest = retention > _deletedPurgedBefore ? retention : _deletedPurgedBefore;
            var records = _deletedLog
                .Where(d => string.Equals(d.Type, type, StringComparison.OrdinalIgnoreCase) && d.DeletedAt >= start && d.DeletedAt < end && d.DeletedAt >= earliest)
                .Select(d => (d.Id, d.DeletedAt))
                .ToList();
            return (records, earliest);
        }
    }

    // ---- writes ----

    public void FailNextWrite(string id, string statusCode, string message) => _failNextWrite[id] = (statusCode, message);

    public bool TakeInjectedFailure(string id, out (string Code, string Message) failure) => _failNextWrite.TryRemove(id, out failure);

    // ---- sessions ----

    public string IssueSession()
    {
        var token = "00DSim000000000001!" + Convert.ToHexString(Guid.NewGuid().ToByteArray());
        _sessions[token] = new SimSession(Now);
        return token;
    }

    public void ExpireSessions()
    {
        foreach (var session in _sessions.Values)
        {
            session.Expired = true;
        }
    }

    /// <summary>True when <paramref name="token"/> is a live session; counts the call against it.</summary>
    public bool UseSession(string? token)
    {
        if (token is null || !_sessions.TryGetValue(token, out var session) || session.Expired)
        {
            return false;
        }

        if (Options.TokenLifetime is { } lifetime && Now >= session.IssuedAt + lifetime)
        {
            session.Expired = true;
            return false;
        }

        var calls = Interlocked.Increment(ref session.Calls);
        if (Options.TokenCallLimit is { } limit && calls > limit)
        {
            session.Expired = true;
            return false;
        }

        return true;
    }

    internal sealed class SimSession(DateTimeOffset issuedAt)
    {
        public long Calls;

        public DateTimeOffset IssuedAt { get; } = issuedAt;

        public volatile bool Expired;
    }
}

/// <summary>The rows of a query, served page by page through nextRecordsUrl.</summary>
internal sealed record QueryLocator(string Id, SoqlQuery Query, List<SimRecord> Rows);
