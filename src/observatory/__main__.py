from observatory.cli import main

main()
