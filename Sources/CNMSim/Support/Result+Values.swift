extension Result {
    /// The value of a successful result, or nil.
    public var successValue: Success? {
        if case .success(let v) = self { return v }
        return nil
    }

    /// The error of a failed result, or nil.
    public var failureValue: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}
