import CNMLabs
import CNMProgress

/// The lab a learner is in: its attempt (session and journal — the progress store's, or memory
/// when no store is open), and its number in the shell's list.
struct ActiveLab: Sendable {
    var attempt: LabAttempt
    let lab: Lab
    /// The lab's place in `labs` (from 1), shown in the prompt.
    let number: Int

    var session: LabSession { attempt.session }
}
