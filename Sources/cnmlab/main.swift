print("cnmlab")
