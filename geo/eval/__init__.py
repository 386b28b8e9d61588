"""`make eval`: the pipeline scored against the annotated corpus of `eval/` (see eval/README.md).

One job per module, in the order the data goes through them:

- `corpus`: the eval articles, their text and the front-matter keys scores are grouped by;
- `gold`: the gold CSVs, read and validated (every problem names the file, the line and the reason);
- `predictions`: what the build claims, read from its layer: the control changes that colour the map;
- `match`: distances, date precision windows and the one-to-one matcher;
- `stats`: rates and their Wilson intervals;
- `score`: per-article matching, traps, and the scores of each group of articles;
- `map_check`: the assembled map (control.geojson) against each gold change;
- `report`: results.json and the printed tables;
- `cli`: `python -m geo.eval`.
"""
