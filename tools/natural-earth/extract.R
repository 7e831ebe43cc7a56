# Writes the outer rings of Natural Earth 1:50m admin-0 countries whose bounding box meets the
# China map window, one ring per line: "A3<TAB>lon lat,lon lat,...". Reads the data of the Debian
# package r-cran-rnaturalearthdata (Natural Earth, public domain; the R package is CC0).
# Usage: Rscript extract.R > rings.tsv
suppressMessages(library(sp))
data(countries50, package = "rnaturalearthdata")
window <- c(68, 140, 12, 57) # lon min, lon max, lat min, lat max
a3 <- as.character(countries50$adm0_a3)
for (i in seq_along(countries50@polygons)) {
  for (p in countries50@polygons[[i]]@Polygons) {
    if (p@hole) next
    xy <- p@coords
    if (max(xy[, 1]) < window[1] || min(xy[, 1]) > window[2] ||
        max(xy[, 2]) < window[3] || min(xy[, 2]) > window[4]) next
    cat(a3[i], "\t", paste(sprintf("%.4f %.4f", xy[, 1], xy[, 2]), collapse = ","), "\n", sep = "")
  }
}
