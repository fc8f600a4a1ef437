extension Array {
    /// Appends the elements of `other` in order, each moved out of it, and leaves it empty. Appending them
    /// as they are would copy each one, retaining every reference it holds, and release them all again
    /// when `other` goes: for an article, dozens of atomic operations where a move needs none.
    mutating func appendMoving(_ other: inout [Element]) {
        reserveCapacity(count + other.count)
        other.reverseMoving()
        while let element = other.popLast() { append(element) }
    }

    /// Reverses the elements in place, each moved. (`reverse()` swaps through the array's subscript, which
    /// copies each element it moves and releases the one it overwrites; a buffer's `swapAt` moves them.)
    mutating func reverseMoving() {
        withUnsafeMutableBufferPointer { $0.reverse() }
    }

    /// Rearranges the elements so that the one at `i` is the one that was at `order[i]` (`order` holds
    /// each index once), by swaps along each cycle of `order`: every element is moved, none copied.
    mutating func permute(to order: [Int]) {
        precondition(order.count == count, "the order names every element")
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { elements in
            for start in elements.indices where !placed[start] {
                var current = start
                while !placed[current] {
                    placed[current] = true
                    let source = order[current]
                    if source == start { break }
                    elements.swapAt(current, source)
                    current = source
                }
            }
        }
    }
}
