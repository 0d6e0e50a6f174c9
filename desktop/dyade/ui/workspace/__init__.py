"""The physician's workspace: first-run setup, unlock, sign-in, and the pages behind them."""
