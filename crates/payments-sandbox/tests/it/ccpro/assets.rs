//! CCPro assets: see the area's handlers in src/ccpro/.
