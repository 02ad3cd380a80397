def items(*texts):
    """A fragment whose dasar hukum is `texts`, one item a line, for the dasar hukum rules' tests."""
    return "dasar_hukum = [\n" + "".join(f'  "{t}",\n' for t in texts) + "]\n"
