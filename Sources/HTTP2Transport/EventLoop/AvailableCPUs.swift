import Foundation

/// How many CPUs this process may run on: the affinity mask (`taskset`, cgroup cpusets) rather than
/// every CPU in the machine, so a pinned server starts one loop per CPU it actually has.
enum AvailableCPUs {
    static var count: Int {
        // /proc/self/status has "Cpus_allowed:\tff,ffffffff" (hex words, comma separated).
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let bits = line.dropFirst("Cpus_allowed:".count).reduce(0) { total, c in
                total + (c.hexDigitValue.map { $0.nonzeroBitCount } ?? 0)
            }
            if bits > 0 { return bits }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
