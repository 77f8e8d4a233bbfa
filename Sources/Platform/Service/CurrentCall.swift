/// Facts about the call being served, bound for the handler's task by the interceptors.
public enum CurrentCall {
    /// The authenticated caller; nil for anonymous methods (GetPublishedCatalogue, health).
    @TaskLocal public static var caller: Caller?
}
