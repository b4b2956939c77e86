"""Demo data: the five programme fiches of the 2020 PN-CFM session 1 report, as structured facts.

``data`` holds the facts as plain Python; ``load.load_demo()`` writes them through the services.
"""
