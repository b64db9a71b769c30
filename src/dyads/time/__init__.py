"""Time: temporal expressions (TIMEX3 values), publication dates and event dates."""
