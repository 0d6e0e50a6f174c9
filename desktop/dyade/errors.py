"""Errors that carry a message meant for a person, not a traceback."""


class DyadeError(Exception):
    """An expected failure: bad input, wrong passphrase, a damaged file.

    The message names what is wrong and where; the CLI prints it and exits
    non-zero, the UI shows it in a dialog. Never used for programming errors.
    """

    exit_code = 2
