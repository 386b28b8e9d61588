import sys

from geo.eval.cli import main

sys.exit(main())
