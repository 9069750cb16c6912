/// The `null` driver behind the `none` network (moby v28.2.2 libnetwork/drivers/null): only the
/// loopback interface.
public struct NullDriver: PredefinedOnlyDriver {
    public let kind = DriverKind.null
    public init() {}
}
