"""synergy"""
