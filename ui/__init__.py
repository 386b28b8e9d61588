"""The dashboard's presentation layer: loading at the boundary (layer), the map (map), the town panel
(panel), URL parsing (url) and the shared sidebar controls (controls). geo/ never imports from here."""
