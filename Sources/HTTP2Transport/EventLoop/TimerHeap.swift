/// A binary min-heap of timers keyed by monotonic nanoseconds. Cancelled timers are not removed;
/// their owners ignore a firing that no longer applies (cheaper than searching the heap).
struct TimerHeap<Payload> {
    private var items: [(at: UInt64, payload: Payload)] = []

    var isEmpty: Bool { items.isEmpty }
    var earliest: UInt64? { items.first?.at }

    mutating func insert(at time: UInt64, _ payload: Payload) {
        items.append((time, payload))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].at < items[parent].at else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest timer if it is due at `now`.
    mutating func popDue(now: UInt64) -> Payload? {
        guard let first = items.first, first.at <= now else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left].at < items[smallest].at { smallest = left }
                if right < items.count && items[right].at < items[smallest].at { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first.payload
    }
}
