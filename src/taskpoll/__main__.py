import sys

from taskpoll.cli import main

sys.exit(main())
