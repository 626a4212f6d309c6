using System.Diagnostics.CodeAnalysis;

namespace Consolidation.Bot.Storage;

/// <summary>
/// The one in-memory cache of what was read from storage, with the one eviction rule: at most <see cref="Capacity"/>
/// entries, and when a new one would pass it, the entry used least recently goes (reading or writing an entry uses it).
/// What each cache keeps and for how long it trusts it stays with its owner (an epoch, a freshness, a generation); this
/// only bounds the memory. Thread-safe: one lock, every operation O(1); <c>create</c> runs under it, so it must only
/// start work (return a task or a lazy), not wait for it.
/// </summary>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _entries;
    private readonly LinkedList<(TKey Key, TValue Value)> _byUse = new(); // most recently used first
    private readonly Lock _gate = new();

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(comparer);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                Use(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Adds or replaces the entry.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            SetLocked(key, value);
        }
    }

    /// <summary>Adds the entry unless the key is there (which is left as it is, unused).</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_entries.ContainsKey(key))
            {
                return false;
            }

            SetLocked(key, value);
            return true;
        }
    }

    /// <summary>The entry, or a new one from <paramref name="create"/> when there is none.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) => GetOrAdd(key, create, static _ => true);

    /// <summary>The entry if <paramref name="stillGood"/> says so, else a new one from <paramref name="create"/> in its place.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create, Func<TValue, bool> stillGood)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(stillGood);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && stillGood(node.Value.Value))
            {
                Use(node);
                return node.Value.Value;
            }

            var value = create(key);
            SetLocked(key, value);
            return value;
        }
    }

    public bool Remove(TKey key)
    {
        lock (_gate)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>Removes the entry only if it is still <paramref name="expected"/> (a failed load, not its replacement).</summary>
    public bool Remove(TKey key, TValue expected)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var node) && EqualityComparer<TValue>.Default.Equals(node.Value.Value, expected) && RemoveLocked(key);
        }
    }

    private void SetLocked(TKey key, TValue value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            node.Value = (key, value);
            Use(node);
            return;
        }

        if (_entries.Count >= Capacity)
        {
            RemoveLocked(_byUse.Last!.Value.Key);
        }

        _entries[key] = _byUse.AddFirst((key, value));
    }

    private bool RemoveLocked(TKey key)
    {
        if (!_entries.Remove(key, out var node))
        {
            return false;
        }

        _byUse.Remove(node);
        return true;
    }

    private void Use(LinkedListNode<(TKey, TValue)> node)
    {
        if (node != _byUse.First)
        {
            _byUse.Remove(node);
            _byUse.AddFirst(node);
        }
    }
}
