from quotelint.cli import main

raise SystemExit(main())
