/// The `sleep N` processes by the time they end: a binary min-heap of (time, container ID), earliest
/// first and by ID among equal times.
///
/// Why: reaping must not scan or sort every waiting process each time one ends (a host of 10,000
/// `sleep` containers ending one by one was quadratic). An entry whose container no longer waits
/// for that time (stopped, removed, restarted) is not removed when that happens; the engine skips
/// it when it reaches the top (`Engine.reapFinishedProcesses`).
struct ExitQueue: Sendable {
    struct Entry: Sendable, Equatable {
        var until: SimTime
        var id: String

        static func < (a: Entry, b: Entry) -> Bool { a.until != b.until ? a.until < b.until : a.id < b.id }
    }

    private var heap: [Entry] = []

    /// The earliest entry, or nil.
    var first: Entry? { heap.first }
    var count: Int { heap.count }

    mutating func insert(_ e: Entry) {
        heap.append(e)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child] < heap[parent] else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func removeFirst() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left] < heap[smallest] { smallest = left }
            if right < heap.count && heap[right] < heap[smallest] { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
