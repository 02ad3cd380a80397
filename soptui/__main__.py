"""`python -m soptui`: the same as the `soptui` command."""

from .cli import main

raise SystemExit(main())
