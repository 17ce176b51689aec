"""Short news stories written for the clustering tests: a grid agreement, a re-post of it under
other clutter (a near-duplicate), and an unrelated Arabic item."""

GRID = (
    "Jordan and Egypt agree to link power grids\n\nAMMAN, March 3 - Jordan's energy minister said on "
    'Sunday that the two countries would sign the grid agreement next week. "The line will carry '
    '2,000 megawatts," he told reporters in Amman.'
)

GRID_REPOST = (
    "Grid deal: Jordan and Egypt to sign next week\n\nAMMAN, March 3 - Jordan's energy minister said on "
    'Sunday that the two countries would sign the grid agreement next week. "The line will carry '
    '2,000 megawatts," he told reporters in Amman.\n\nRead more: energy news'
)

WHEAT = (
    "الحكومة المغربية ترفع دعم القمح\n\nالرباط - قررت الحكومة المغربية يوم الاثنين رفع دعم القمح المستورد "
    "حتى نهاية العام، بحسب بيان لوزارة الفلاحة."
)
