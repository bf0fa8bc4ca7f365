"""Award catalogue, eligibility, proposals, council ballots and decisions (issue #4)."""
