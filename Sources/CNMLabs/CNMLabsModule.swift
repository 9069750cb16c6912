/// Layer 3 of cnmlab: labs as data (YAML), checks over the simulated state, scoring and validation.
enum CNMLabsModule {}
