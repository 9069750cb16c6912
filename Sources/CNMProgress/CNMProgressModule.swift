/// Layer 4 of cnmlab: learners, attempts and the command log in SQLite.
enum CNMProgressModule {}
