"""The Qt widgets: main window, panels, presenter."""
